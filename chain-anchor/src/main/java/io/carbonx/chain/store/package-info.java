/**
 * Adapter: a validator's durable state on its own disk. {@link io.carbonx.chain.store.VoteLog} holds every vote
 * the replica asked to persist, synced before anything of the same batch is sent;
 * {@link io.carbonx.chain.store.BlockStore} holds its committed blocks with their certificates (append-only data
 * file plus a fixed-width index). Both are {@link io.carbonx.chain.store.RecordFile}s: length- and
 * CRC32C-framed records whose torn tail is cut off on open and whose mid-file corruption refuses the open.
 */
package io.carbonx.chain.store;
