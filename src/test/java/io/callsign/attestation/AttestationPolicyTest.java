package io.callsign.attestation;

import static io.callsign.attestation.AttestationFixture.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reasons, KYC, fixed modes, per-call overrides and explain (API.md; SIGN-13). */
class AttestationPolicyTest {

    private static final CallOrigin ALICE = CallOrigin.of(null, "198.51.100.9", "alice@ims.local", false, null);

    @Test
    void saysWhichRuleFired() {
        assertThat(reason(ALICE, "15145559876")).isEqualTo("subscriber acct-42 holds 15145559876 (verified)");
        assertThat(reason(ALICE, "14385550123"))
                .isEqualTo("subscriber acct-42 holds 14385550123 through block b-42v (prefix 1438555) (verified)");
        assertThat(reason(ALICE, "15145550000"))
                .isEqualTo("subscriber acct-42 is identified by auth user alice@ims.local but 15145550000 belongs to acct-7");
        assertThat(reason(ALICE, "16135550123")).isEqualTo("subscriber acct-42 is identified by auth user alice@ims.local"
                + " but 16135550123 belongs to acct-7 through block b-7 (prefix 1613555)");
        assertThat(reason(ALICE, "4930123456"))
                .isEqualTo("subscriber acct-42 is identified by auth user alice@ims.local but 4930123456 is not assigned to any subscriber");
        assertThat(reason(ALICE, "15145559877")).isEqualTo("subscriber acct-42 holds 15145559877 but its ownership is not verified");
        assertThat(reason(CallOrigin.of("pstn-gw-1", null, null, null, null), "15145559876"))
                .isEqualTo("call entered on gateway trunk pstn-gw-1 (gateway): gateway attestation");
        assertThat(reason(CallOrigin.of(null, "198.51.100.9", null, null, null), "15145559876"))
                .isEqualTo("no trunk matches source 198.51.100.9 and the caller is not authenticated");
        assertThat(reason(CallOrigin.of("core", null, "mallory@ims.local", null, null), "15145559876"))
                .isEqualTo("call entered on internal trunk core and auth user mallory@ims.local is not a SIP user of any subscriber");
        assertThat(reason(CallOrigin.of("nope", null, null, null, null), "15145559876"))
                .isEqualTo("trunk nope is not provisioned and the caller is not authenticated");
        assertThat(reason(CallOrigin.of(null, null, null, null, null), "15145559876"))
                .isEqualTo("no trunk or source address was given and the caller is not authenticated");
        assertThat(reason(CallOrigin.of("pbx-ghost", null, null, null, null), "15145559876"))
                .isEqualTo("customer trunk pbx-ghost names subscriber acct-gone, which is not provisioned");
    }

    @Test
    void capsASubscriberWithoutKycAtB() {
        CallOrigin carol = CallOrigin.of("core", null, "carol@ims.local", false, null);
        AttestationDecision capped = AttestationFixture.auto().decide(carol, "15145558888", null, VIEW);
        assertThat(capped.level()).isEqualTo(AttestationLevel.B);
        assertThat(capped.reason()).isEqualTo("subscriber acct-nokyc holds 15145558888 (verified) but the subscriber is not verified (KYC)");
        AttestationConfig lenient = new AttestationConfig(AttestationMode.AUTO, OverridePolicy.DENY, false);
        assertThat(AttestationFixture.policy(lenient).decide(carol, "15145558888", null, VIEW).level()).isEqualTo(AttestationLevel.A);
    }

    @Test
    void usesTheConfiguredLevelForEveryCall() {
        for (AttestationMode mode : new AttestationMode[] {AttestationMode.A, AttestationMode.B, AttestationMode.C}) {
            AttestationPolicy policy = AttestationFixture.policy(new AttestationConfig(mode, OverridePolicy.DENY, true));
            AttestationDecision fromGateway = policy.decide(CallOrigin.of("pstn-gw-1", null, null, null, null), "4930123456", null, VIEW);
            AttestationDecision fromAlice = policy.decide(ALICE, "15145559876", null, VIEW);
            assertThat(fromGateway.level().name()).isEqualTo(mode.name());
            assertThat(fromAlice.level().name()).isEqualTo(mode.name());
            assertThat(fromAlice.reason()).isEqualTo("attestation is configured as " + mode + " for every call");
        }
    }

    @Test
    void ignoresPerCallLevelsWhenOverridesAreDenied() {
        AttestationDecision decision = AttestationFixture.auto()
                .decide(CallOrigin.of(null, "198.51.100.9", null, null, null), "15145559876", AttestationLevel.A, VIEW);
        assertThat(decision.level()).isEqualTo(AttestationLevel.C);
        assertThat(decision.reason()).endsWith("(per-call attest A ignored: per-call overrides are not allowed)");
    }

    @Test
    void letsPerCallLevelsOnlyLowerInDowngradeMode() {
        AttestationPolicy policy = AttestationFixture.policy(new AttestationConfig(AttestationMode.AUTO, OverridePolicy.DOWNGRADE, true));
        AttestationDecision lowered = policy.decide(ALICE, "15145559876", AttestationLevel.B, VIEW);
        assertThat(lowered.level()).isEqualTo(AttestationLevel.B);
        assertThat(lowered.subscriberId()).isEqualTo("acct-42");
        assertThat(lowered.reason()).startsWith("attest B requested per call").contains("the policy alone gives A");
        AttestationDecision notRaised = policy.decide(ALICE, "15145550000", AttestationLevel.A, VIEW);
        assertThat(notRaised.level()).isEqualTo(AttestationLevel.B);
        assertThat(notRaised.reason()).endsWith("(per-call attest A ignored: overrides may only lower the level)");
        assertThat(policy.decide(ALICE, "15145559876", AttestationLevel.A, VIEW).reason())
                .isEqualTo("subscriber acct-42 holds 15145559876 (verified)");
    }

    @Test
    void usesPerCallLevelsWhenOverridesAreAllowed() {
        AttestationPolicy policy = AttestationFixture.policy(new AttestationConfig(AttestationMode.AUTO, OverridePolicy.ALLOW, true));
        AttestationDecision raised = policy.decide(CallOrigin.of("pstn-gw-1", null, null, null, null), "15145559876", AttestationLevel.A, VIEW);
        assertThat(raised.level()).isEqualTo(AttestationLevel.A);
        assertThat(raised.reason()).contains("attest A requested per call (overrides allowed)").contains("gives C");
    }

    @Test
    void explainsEveryStepInOrder() {
        AttestationExplanation explanation = AttestationFixture.auto()
                .explain(CallOrigin.of("nope", "10.9.9.9", "alice@ims.local", false, null), "16135550001", null, VIEW);
        assertThat(explanation.decision().level()).isEqualTo(AttestationLevel.B);
        assertThat(explanation.steps()).containsExactly(
                "the proxy names trunk nope, which is not provisioned; trying the source address",
                "source 10.9.9.9 is in 10.0.0.0/8 of internal trunk core",
                "on an internal trunk the caller must be identified by an authenticated or registered user",
                "auth user alice@ims.local is a SIP user of subscriber acct-42",
                "subscriber acct-42 is verified (KYC)",
                "the number row of 16135550001 (subscriber acct-42) is not in force at 2026-11-30T03:00:00Z"
                        + " (valid until 2026-01-01T00:00:00Z): ignored",
                "16135550001 is assigned to acct-7 through block b-7 (prefix 1613555), verified",
                "decision: B (partial): subscriber acct-42 is identified by auth user alice@ims.local but 16135550001"
                        + " belongs to acct-7 through block b-7 (prefix 1613555)");
        assertThat(AttestationFixture.auto().decide(CallOrigin.of("nope", "10.9.9.9", "alice@ims.local", false, null),
                "16135550001", null, VIEW)).isEqualTo(explanation.decision());
    }

    @Test
    void refusesCallingNumbersThatAreNotCanonical() {
        assertThatThrownBy(() -> AttestationFixture.auto().decide(ALICE, "+15145559876", null, VIEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calling number '+15145559876' is not canonical E.164 digits");
    }

    @Test
    void parsesSettingsStrictly() {
        assertThat(AttestationLevel.parse("B")).isEqualTo(AttestationLevel.B);
        assertThatThrownBy(() -> AttestationLevel.parse("a")).hasMessage("attestation level 'a' is not one of A, B, C");
        assertThatThrownBy(() -> AttestationLevel.parse("D")).hasMessageContaining("'D'");
        assertThat(AttestationMode.parse("auto")).isEqualTo(AttestationMode.AUTO);
        assertThat(AttestationMode.parse("AUTO")).isEqualTo(AttestationMode.AUTO);
        assertThat(AttestationMode.parse("C").fixedLevel()).contains(AttestationLevel.C);
        assertThatThrownBy(() -> AttestationMode.parse("full")).hasMessageContaining("not one of A, B, C, auto");
        assertThat(OverridePolicy.parse("downgrade")).isEqualTo(OverridePolicy.DOWNGRADE);
        assertThatThrownBy(() -> OverridePolicy.parse("yes")).hasMessageContaining("deny, downgrade, allow");
    }

    @Test
    void readsCallOriginsFromRequestFieldsWithoutResolvingNames() {
        CallOrigin origin = CallOrigin.of(" ", "2001:db8::1", "", null, null);
        assertThat(origin.trunk()).isNull();
        assertThat(origin.authUser()).isNull();
        assertThat(origin.registered()).isFalse();
        assertThat(origin.sourceIp().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThatThrownBy(() -> CallOrigin.of(null, "pbx.example.net", null, null, null))
                .hasMessageContaining("'pbx.example.net' is not an IP address literal");
    }

    private static String reason(CallOrigin origin, String tn) {
        return AttestationFixture.auto().decide(origin, tn, null, VIEW).reason();
    }
}
