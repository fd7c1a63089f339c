/**
 * Coach-level manifests: the deterministic, stable {@link
 * org.nmis.movement.allocation.ManifestAllocator} and CSV.
 */
package org.nmis.movement.allocation;
