package io.callsign.passport;

import java.math.BigInteger;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;

/**
 * The P-256 curve (SEC 2 secp256r1) and the two ES256 signature encodings: JOSE's fixed 64-byte R||S
 * (RFC 7518 §3.4) and the ASN.1 DER SEQUENCE of two INTEGERs that JCA providers speak.
 */
final class EcdsaP256 {

    static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    static final BigInteger A = P.subtract(BigInteger.valueOf(3));
    static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    static final BigInteger N = new BigInteger(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private EcdsaP256() {
    }

    /** True when {@code key} is on P-256: same field, coefficients, order and cofactor (SEC-02). */
    static boolean isP256(ECKey key) {
        ECParameterSpec spec = key.getParams();
        return spec != null && spec.getCurve().getField() instanceof ECFieldFp field
                && field.getP().equals(P) && spec.getCurve().getA().equals(A)
                && spec.getCurve().getB().equals(B) && spec.getOrder().equals(N) && spec.getCofactor() == 1;
    }

    /**
     * Why {@code sig} cannot be a valid ES256 signature, or null: it must be 64 bytes (SEC-07) and
     * r and s must lie in [1, n-1] (SEC-06; CVE-2022-21449 accepted r = s = 0).
     */
    static String rangeProblem(byte[] sig) {
        if (sig == null || sig.length != 64) {
            return "signature is " + (sig == null ? "missing" : sig.length + " bytes") + ", ES256 needs 64";
        }
        String r = halfProblem("r", new BigInteger(1, sig, 0, 32));
        return r != null ? r : halfProblem("s", new BigInteger(1, sig, 32, 32));
    }

    private static String halfProblem(String name, BigInteger v) {
        if (v.signum() == 0) {
            return "signature " + name + " is zero";
        }
        return v.compareTo(N) >= 0 ? "signature " + name + " is not below the curve order n" : null;
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to 64-byte R||S, each half left-padded. */
    static byte[] derToRaw(byte[] der) {
        int[] pos = {0};
        expect(der, pos, 0x30);
        int seqLen = length(der, pos);
        if (pos[0] + seqLen != der.length) {
            throw new IllegalArgumentException("DER signature length mismatch");
        }
        byte[] raw = new byte[64];
        integer(der, pos, raw, 0);
        integer(der, pos, raw, 32);
        if (pos[0] != der.length) {
            throw new IllegalArgumentException("DER signature has trailing bytes");
        }
        return raw;
    }

    /** 64-byte R||S to minimal DER, as JCA {@code SHA256withECDSA} expects. */
    static byte[] rawToDer(byte[] raw) {
        byte[] r = minimalInteger(raw, 0);
        byte[] s = minimalInteger(raw, 32);
        int len = 2 + r.length + 2 + s.length;
        byte[] der = new byte[len + (len > 127 ? 3 : 2)];
        int p = 0;
        der[p++] = 0x30;
        if (len > 127) {
            der[p++] = (byte) 0x81;
        }
        der[p++] = (byte) len;
        der[p++] = 0x02;
        der[p++] = (byte) r.length;
        System.arraycopy(r, 0, der, p, r.length);
        p += r.length;
        der[p++] = 0x02;
        der[p++] = (byte) s.length;
        System.arraycopy(s, 0, der, p, s.length);
        return der;
    }

    private static byte[] minimalInteger(byte[] raw, int off) {
        int start = off;
        while (start < off + 31 && raw[start] == 0) {
            start++;
        }
        boolean pad = (raw[start] & 0x80) != 0;
        byte[] out = new byte[off + 32 - start + (pad ? 1 : 0)];
        System.arraycopy(raw, start, out, pad ? 1 : 0, off + 32 - start);
        return out;
    }

    private static void integer(byte[] der, int[] pos, byte[] raw, int off) {
        expect(der, pos, 0x02);
        int len = length(der, pos);
        int start = pos[0];
        if (len == 0 || start + len > der.length) {
            throw new IllegalArgumentException("DER INTEGER truncated");
        }
        while (len > 32 && der[start] == 0) {
            start++;
            len--;
        }
        if (len > 32) {
            throw new IllegalArgumentException("DER INTEGER longer than 32 bytes");
        }
        System.arraycopy(der, start, raw, off + 32 - len, len);
        pos[0] = start + len;
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if (pos[0] >= der.length || der[pos[0]] != tag) {
            throw new IllegalArgumentException("DER tag 0x" + Integer.toHexString(tag) + " expected");
        }
        pos[0]++;
    }

    private static int length(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw new IllegalArgumentException("DER length missing");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        if (first != 0x81 || pos[0] >= der.length) {
            throw new IllegalArgumentException("DER length form unsupported");
        }
        return der[pos[0]++] & 0xff;
    }
}
