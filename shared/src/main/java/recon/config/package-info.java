/**
 * Reads a store's contract, {@code config.json}, into a {@link recon.domain.StoreConfig}; a key that is
 * unknown or malformed is an error naming the key. Depends on the domain only.
 */
package recon.config;
