package org.nmis.movement.allocation;

import org.nmis.movement.layout.BerthType;

/** One occupied berth of a manifest. */
public record ManifestLine(String coach, int berth, BerthType berthType, Traveller traveller) {}
