package io.carbonx.registry.identity.pki;

import java.security.Provider;
import java.security.Security;
import java.util.function.Supplier;

/** Registration of this package's JCA providers: one way to find a provider by name or add it once. */
final class JcaProviders {

    private JcaProviders() {
    }

    /**
     * The provider registered under {@code name}; if none is (or it was removed), registers the one {@code create}
     * gives, once even under concurrent calls, and returns what the JCA list then holds under that name.
     */
    static Provider registered(String name, Supplier<Provider> create) {
        Provider registered = Security.getProvider(name);
        return registered != null ? registered : register(name, create);
    }

    private static synchronized Provider register(String name, Supplier<Provider> create) {
        Provider existing = Security.getProvider(name);
        if (existing != null) {
            return existing;
        }
        Provider provider = create.get();
        Security.addProvider(provider);
        Provider registered = Security.getProvider(name);
        return registered != null ? registered : provider;
    }
}
