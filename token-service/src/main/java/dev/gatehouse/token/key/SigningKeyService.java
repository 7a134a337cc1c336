package dev.gatehouse.token.key;

import dev.gatehouse.token.TokenConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.PublicJsonWebKey;

import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Creates, rotates and loads signing keys. Rotation: the active key becomes previous (still in JWKS, still
 * verifies), the previous one is retired (gone from JWKS; its tokens stop introspecting as active), and a new key
 * becomes active.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final KeyEncryption encryption;
    private final KeyRing ring;
    private final TokenConfig config;

    public SigningKeyService(SigningKeyRepository keys, KeyEncryption encryption, KeyRing ring, TokenConfig config) {
        this.keys = keys;
        this.encryption = encryption;
        this.ring = ring;
        this.config = config;
    }

    /** Makes sure each algorithm has an active key. */
    @WithTransaction
    public Uni<Void> ensureActiveKeys() {
        return keys.withStatus(SigningKey.ACTIVE).chain(active -> {
            List<String> missing = KeyPairs.ALGORITHMS.stream()
                    .filter(alg -> active.stream().noneMatch(k -> k.algorithm.equals(alg))).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String alg : missing) {
                chain = chain.chain(() -> keys.persist(newKey(alg))).replaceWithVoid();
            }
            return chain;
        });
    }

    /** Rotates the keys of one algorithm and returns the new active key. */
    @WithTransaction
    public Uni<SigningKey> rotate(String algorithm) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return keys.ofAlgorithm(algorithm).chain(current -> {
            for (SigningKey k : current) {
                if (SigningKey.PREVIOUS.equals(k.status)) {
                    k.status = SigningKey.RETIRED;
                    k.retiredAt = now;
                } else if (SigningKey.ACTIVE.equals(k.status)) {
                    k.status = SigningKey.PREVIOUS;
                }
            }
            // Flush the demotion first: the partial unique index allows one active key per algorithm.
            return keys.flush().chain(() -> keys.persist(newKey(algorithm)));
        }).call(k -> {
            LOG.infof("rotated %s signing key; new kid %s", algorithm, k.kid);
            return Uni.createFrom().voidItem();
        });
    }

    /** Rotates every algorithm whose active key is older than the rotation period. */
    @WithSession
    public Uni<Void> rotateDueKeys() {
        Instant due = Instant.now().minus(config.keyRotationPeriod());
        return keys.withStatus(SigningKey.ACTIVE).chain(active -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SigningKey k : active) {
                if (k.createdAt.isBefore(due)) {
                    chain = chain.chain(() -> rotate(k.algorithm)).replaceWithVoid();
                }
            }
            return chain;
        });
    }

    /** Loads the active and previous keys into the key ring. */
    @WithSession
    public Uni<Void> reload() {
        return keys.withStatus(SigningKey.ACTIVE, SigningKey.PREVIOUS).invoke(loaded -> ring.load(
                loaded.stream().filter(k -> SigningKey.ACTIVE.equals(k.status))
                        .map(k -> new KeyRing.ActiveKey(k.kid, k.algorithm,
                                KeyPairs.privateKey(k.algorithm, encryption.decrypt(k.kid, k.privateKey))))
                        .toList(),
                loaded.stream().map(k -> KeyRing.parse(k.publicJwk)).toList())).replaceWithVoid();
    }

    @WithSession
    public Uni<List<SigningKey>> list() {
        return keys.listAll();
    }

    private SigningKey newKey(String algorithm) {
        KeyPair pair = KeyPairs.generate(algorithm);
        PublicJsonWebKey jwk = KeyPairs.publicJwk(pair, algorithm);
        SigningKey key = new SigningKey();
        key.kid = jwk.getKeyId();
        key.algorithm = algorithm;
        key.publicJwk = jwk.toJson();
        key.privateKey = encryption.encrypt(key.kid, pair.getPrivate().getEncoded());
        key.status = SigningKey.ACTIVE;
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return key;
    }
}
