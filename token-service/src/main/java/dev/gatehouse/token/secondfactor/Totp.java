package dev.gatehouse.token.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238) as every authenticator app does it: HMAC-SHA1, 6 digits, 30-second steps, a 160-bit secret
 * (RFC 4226 §4 asks for at least 128), shown base32 in an {@code otpauth://} URI. Codes come from java-otp; a code
 * is accepted for the current step and one step either side (RFC 6238 §5.2: clock drift and typing time), and only
 * for a step later than the last one accepted, so a code is good once.
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as people type it into an app: base32, no padding. */
    public static String base32(byte[] secret) {
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    /** The key URI authenticator apps read from the QR code (the de-facto Google Authenticator format). */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The step {@code code} is right for, if it is right at {@code now} and later than {@code lastUsedStep}. */
    public OptionalLong accept(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        String typed = code.strip();
        long current = now.getEpochSecond() / STEP.getSeconds();
        SecretKeySpec key = new SecretKeySpec(secret, generator.getAlgorithm());
        for (long step = current - 1; step <= current + 1; step++) {
            if (step <= lastUsedStep) {
                continue;
            }
            if (constantTimeEquals(codeAt(key, step), typed)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for {@code at}, for tests and for nothing else. */
    public String codeAt(byte[] secret, Instant at) {
        return codeAt(new SecretKeySpec(secret, generator.getAlgorithm()), at.getEpochSecond() / STEP.getSeconds());
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            return String.format("%06d", generator.generateOneTimePassword(key,
                    Instant.ofEpochSecond(step * STEP.getSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
