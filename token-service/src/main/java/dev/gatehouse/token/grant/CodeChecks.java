package dev.gatehouse.token.grant;

import dev.gatehouse.token.authorize.AuthorizationCodes.Redemption;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.oauth.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a redeemed authorization code must satisfy before it gives tokens (RFC 6749 §4.1.3, RFC 7636 §4.6): this
 * client's, not expired, the same redirect URI, the PKCE verifier, and a sign-in that still stands. A failure is
 * thrown as {@code invalid_grant}; the caller gives the code back, since a failed check does not use it up.
 */
@ApplicationScoped
public class CodeChecks {

    /** RFC 7636 §4.1. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final Clock clock;

    public CodeChecks(Clock clock) {
        this.clock = clock;
    }

    void require(RegisteredClient client, TokenRequest.AuthorizationCode request, Redemption.Redeemed code) {
        if (!code.clientId().equals(client.clientId())) {
            throw OAuthError.INVALID_GRANT.because("The authorization code was issued to another client");
        }
        if (!code.expiresAt().isAfter(clock.instant())) {
            throw OAuthError.INVALID_GRANT.because("The authorization code has expired");
        }
        if (request.redirectUri().isPresent() && !request.redirectUri().get().equals(code.redirectUri())) {
            throw OAuthError.INVALID_GRANT.because("redirect_uri differs from the authorization request's");
        }
        if (!VERIFIER.matcher(request.codeVerifier()).matches()
                || !MessageDigest.isEqual(s256(request.codeVerifier()), code.codeChallenge().getBytes(
                        StandardCharsets.US_ASCII))) {
            throw OAuthError.INVALID_GRANT.because("code_verifier does not match the code_challenge");
        }
        if (!code.accountActive() || code.sessionCreatedAt().isBefore(code.accountTokensValidAfter())
                || !code.sessionLive()) {
            throw OAuthError.INVALID_GRANT.because("The sign-in this code came from has ended");
        }
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), as bytes of its ASCII text. */
    private static byte[] s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
