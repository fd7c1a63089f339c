package org.nmis.model.reference;

/** A State or Union Territory as listed by the Local Government Directory (LGD) on 12 May 2020. */
public record State(int code, String name, String localName, boolean unionTerritory) {}
