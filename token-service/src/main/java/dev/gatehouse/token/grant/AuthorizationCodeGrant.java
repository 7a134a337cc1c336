package dev.gatehouse.token.grant;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.authorize.AuthorizationCodes;
import dev.gatehouse.token.authorize.AuthorizationCodes.Redemption;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * RFC 6749 §4.1.3: a code for tokens. The code must be this client's, unexpired, unused, for the same redirect URI
 * (when the client names it: with PKCE required, the verifier is what binds the code to the client that asked for
 * it, as in OAuth 2.1), with a verifier whose S256 hash is the challenge (RFC 7636 §4.6); the person's account and
 * sign-in session must still be live. A code presented a second time ends everything its first use started.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler<TokenRequest.AuthorizationCode> {

    /** RFC 7636 §4.1. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final SignInGrants grants;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final Clock clock;

    public AuthorizationCodeGrant(SignInGrants grants, AuthorizationCodes codes, RefreshTokens refreshTokens,
            PersonTokens tokens, Clock clock) {
        this.grants = grants;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Class<TokenRequest.AuthorizationCode> requestType() {
        return TokenRequest.AuthorizationCode.class;
    }

    @Override
    public Uni<TokenResponse> handle(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.AuthorizationCode request) {
        RegisteredClient client = authenticated.client();
        return grants.inTransaction(connection -> codes.redeem(connection, request.code()).chain(found -> {
            if (found instanceof Redemption.Redeemed redeemed) {
                return exchange(connection, client, request, redeemed).map(SignInGrants.Outcome::of);
            }
            if (found instanceof Redemption.Replayed replayed && replayed.clientId().equals(client.clientId())) {
                return refreshTokens.end(connection, replayed.familyId(), "code_reused")
                        .call(() -> grants.revokeGrant(connection, client.clientId(), null, replayed.familyId(),
                                "code_reused"))
                        .map(x -> SignInGrants.Outcome.failed(OAuthError.INVALID_GRANT.because(
                                "The authorization code was already used; what it gave is revoked")));
            }
            return Uni.createFrom().item(SignInGrants.Outcome.<TokenResponse>failed(
                    OAuthError.INVALID_GRANT.because("The authorization code is invalid")));
        }));
    }

    /** Checks the redeemed code; any failure is thrown, which rolls the redemption back. */
    private Uni<TokenResponse> exchange(SqlConnection connection, RegisteredClient client,
            TokenRequest.AuthorizationCode request, Redemption.Redeemed code) {
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
        PersonTokens.Person person = new PersonTokens.Person(code.accountId(), code.platformAdmin(), code.email(),
                code.emailVerified(), code.displayName());
        PersonTokens.Grant grant = new PersonTokens.Grant(code.familyId(), code.sessionId(), code.scopes(),
                code.authTime(), code.amr(), code.nonce(), request.actingIn());
        Uni<String> refresh = client.grantTypes().contains(GrantTypes.REFRESH_TOKEN)
                ? refreshTokens.start(connection, code.familyId(), client.clientId(), code.accountId(),
                        code.sessionId(), code.scopes(), code.authTime(), code.amr())
                : Uni.createFrom().nullItem();
        return refresh.chain(refreshToken -> tokens.issue(connection, client, person, grant, refreshToken));
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
