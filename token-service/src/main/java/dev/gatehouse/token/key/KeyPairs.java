package dev.gatehouse.token.key;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/** Key pairs for the JWS algorithms we sign with (RFC 7518 §3.3 RS256, §3.4 ES256). */
public final class KeyPairs {

    public static final String RS256 = "RS256";
    public static final String ES256 = "ES256";
    public static final List<String> ALGORITHMS = List.of(RS256, ES256);

    private KeyPairs() {
    }

    public static boolean supported(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    public static KeyPair generate(String algorithm) {
        try {
            if (RS256.equals(algorithm)) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                return rsa.generateKeyPair();
            }
            if (ES256.equals(algorithm)) {
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                return ec.generateKeyPair();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
        throw new IllegalArgumentException("unsupported algorithm " + algorithm);
    }

    /** The public JWK with {@code kid} set to its RFC 7638 thumbprint, {@code alg} and {@code use=sig}. */
    public static PublicJsonWebKey publicJwk(KeyPair pair, String algorithm) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm(algorithm);
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(RS256.equals(algorithm) ? "RSA" : "EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored key is not a " + algorithm + " private key", e);
        }
    }
}
