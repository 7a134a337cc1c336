package dev.gatehouse.token.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules and the hash, without a running service. */
class PasswordRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void shortCommonAndOwnAddressPasswordsAreRefusedWithAReason() {
        assertThat(policy.refusal("short pass", "ann@example.com")).hasValueSatisfying(
                why -> assertThat(why).contains("12"));
        assertThat(policy.refusal("1qaz2wsx3edc", "ann@example.com")).hasValueSatisfying(
                why -> assertThat(why).contains("commonly used"));
        assertThat(policy.refusal("Baseball2024!!", "ann@example.com")).as("a common word with digits added")
                .hasValueSatisfying(why -> assertThat(why).contains("commonly used"));
        assertThat(policy.refusal("quixotic-zorblatt", "quixotic-zorblatt@example.com")).hasValueSatisfying(
                why -> assertThat(why).contains("e-mail"));
        assertThat(policy.refusal("x".repeat(PasswordPolicy.MAX_LENGTH + 1), null)).isPresent();
        assertThat(policy.refusal("correct horse battery staple", "ann@example.com")).isEmpty();
    }

    @Test
    void hashesAreArgon2idWithTheDocumentedParametersAndSalted() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.hash("correct horse battery staple")).as("a new salt each time").isNotEqualTo(hash);
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.matches("anything", null)).as("no password set yet").isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.needsRehash("$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"))
                .as("weaker parameters").isTrue();
    }
}
