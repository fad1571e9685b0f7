/**
 * BouncyCastle-backed PKI building blocks of the identity service: provider registration ({@link
 * io.carbonx.registry.identity.pki.BcProvider}), PEM, encrypted PKCS#8 keys, CA and participant certificate
 * builders, CRLs, CSR inspection, key policy and the CA data directory ({@link
 * io.carbonx.registry.identity.pki.CaStore}).
 */
package io.carbonx.registry.identity.pki;
