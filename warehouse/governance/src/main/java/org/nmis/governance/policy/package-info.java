/**
 * The access policy: one declarative table that says, per warehouse table and role, which rows a
 * caller sees and how each column is masked. Governed SQL, the REST lookups and exports all enforce
 * this one table.
 */
package org.nmis.governance.policy;
