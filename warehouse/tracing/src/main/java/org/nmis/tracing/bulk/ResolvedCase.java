package org.nmis.tracing.bulk;

import org.nmis.model.ids.PersonId;

/**
 * An input and a person it stands for. A mobile shared by a family resolves to each person
 * registered with it, and all of them are traced: the health team does not know which one is ill.
 */
public record ResolvedCase(int position, String input, PersonId personId) {}
