package io.callsign.passport;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider ES256 runs on. {@link #AUTO} takes the first of ACCP, Bouncy Castle and the JDK
 * that loads and passes a sign/verify self-test. Providers are used as instances and never
 * registered in {@link Security}, so choosing one changes nothing else in the JVM.
 */
public enum ProviderChoice {
    /** The fastest healthy one: ACCP (native, ~30x SunEC), then BC, then SunEC. */
    AUTO,
    /** Amazon Corretto Crypto Provider; needs its native library (linux-x86_64 here). */
    ACCP,
    /** Bouncy Castle (pure Java). */
    BOUNCY_CASTLE,
    /** The JDK's own SunEC. */
    JDK;

    /**
     * The choice named by a setting value: {@code auto}, {@code accp}, {@code bc} (or
     * {@code bouncy_castle}) or {@code jdk}, case-insensitive.
     */
    public static ProviderChoice parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "auto", "" -> AUTO;
            case "accp" -> ACCP;
            case "bc", "bouncy_castle", "bouncycastle" -> BOUNCY_CASTLE;
            case "jdk", "sunec" -> JDK;
            default -> throw new IllegalArgumentException("crypto provider '" + value
                    + "' is not one of auto, accp, bc, jdk");
        };
    }

    /** The provider, self-tested; {@link IllegalStateException} saying why when it is unusable. */
    Provider load() {
        if (this != AUTO) {
            return selfTested(create());
        }
        List<String> failures = new ArrayList<>();
        for (ProviderChoice candidate : List.of(ACCP, BOUNCY_CASTLE, JDK)) {
            try {
                return candidate.load();
            } catch (RuntimeException | LinkageError e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("no usable ES256 provider: " + failures);
    }

    private Provider create() {
        return switch (this) {
            case ACCP -> accp();
            case BOUNCY_CASTLE -> new BouncyCastleProvider();
            case JDK -> jdk();
            case AUTO -> throw new AssertionError("AUTO is resolved in load()");
        };
    }

    private static Provider accp() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                throw new IllegalStateException("ACCP did not load: " + accp.getLoadingError());
            }
            accp.assertHealthy();
            return accp;
        } catch (LinkageError e) {
            throw new IllegalStateException("ACCP is not available: " + e, e);
        }
    }

    private static Provider jdk() {
        Provider sunEc = Security.getProvider("SunEC");
        if (sunEc == null) {
            throw new IllegalStateException("the JDK has no SunEC provider");
        }
        return sunEc;
    }

    // A provider that loads but cannot sign and verify P-256 must not be chosen.
    private static Provider selfTested(Provider provider) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Es256 es256 = Es256.on(provider);
            byte[] input = "callsign self-test".getBytes(StandardCharsets.US_ASCII);
            byte[] sig = es256.signerFor(pair.getPrivate()).sign(input);
            if (!es256.verifierFor(pair.getPublic()).verify(input, sig)) {
                throw new IllegalStateException("self-test signature does not verify");
            }
            return provider;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(provider.getName() + " failed the ES256 self-test: " + e.getMessage(), e);
        }
    }
}
