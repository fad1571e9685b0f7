package io.carbonx.registry.identity.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one place the BouncyCastle JCA provider is registered.
 *
 * <p>Registration is idempotent and thread-safe: {@link #get()} adds the provider under the name
 * {@value BouncyCastleProvider#PROVIDER_NAME} unless some other code already did, in which case the registered
 * instance is reused. It is added at the end of the provider list, so it never changes which provider the JDK
 * picks for algorithms requested without a provider. Code that names the provider by string (e.g.
 * {@code PKIXParameters.setSigProvider}) must use {@code BcProvider.get().getName()}, so that registration has
 * happened first.
 */
public final class BcProvider {

    private static final String NAME = BouncyCastleProvider.PROVIDER_NAME;

    private BcProvider() {
    }

    /** Returns the registered BouncyCastle provider, registering it if it is not (or no longer) registered. */
    public static Provider get() {
        return JcaProviders.registered(NAME, BouncyCastleProvider::new);
    }
}
