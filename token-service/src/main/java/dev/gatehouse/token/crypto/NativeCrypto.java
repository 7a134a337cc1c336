package dev.gatehouse.token.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.gatehouse.token.TokenConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.security.Security;

/**
 * Installs Amazon Corretto Crypto Provider (AWS-LC through JNI) as the first JCA provider, before the signing keys
 * are loaded, so that jose4j's {@code Signature.getInstance} and the key factories pick it. Signing is the largest
 * cost of a grant: RS256 takes ≈1 ms with the JDK and ≈0.33 ms with ACCP, ES256 0.56 ms and 19 µs
 * (docs/benchmarks.md). Where the native library cannot load (another OS or CPU), or when
 * {@code gatehouse.token.native-crypto=false}, the JDK's providers stay in charge: slower, same tokens.
 */
@ApplicationScoped
public class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class);

    private final TokenConfig config;

    public NativeCrypto(TokenConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.nativeCrypto()) {
            LOG.info("Native crypto is switched off (gatehouse.token.native-crypto=false); using the JDK providers");
            return;
        }
        if (installed()) {
            return;
        }
        Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        if (error != null) {
            LOG.warnf("Native crypto (ACCP) is not available here (%s); using the JDK providers, signing is slower",
                    error.toString());
            return;
        }
        AmazonCorrettoCryptoProvider.install();
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        LOG.infof("Native crypto installed: %s %s", AmazonCorrettoCryptoProvider.INSTANCE.getName(),
                AmazonCorrettoCryptoProvider.INSTANCE.getVersionStr());
    }

    /** Whether ACCP is the first provider, i.e. the one new signatures and key factories come from. */
    public static boolean installed() {
        return AmazonCorrettoCryptoProvider.PROVIDER_NAME.equals(Security.getProviders()[0].getName());
    }
}
