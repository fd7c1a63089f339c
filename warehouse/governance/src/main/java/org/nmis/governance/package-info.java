/** The access policy and governed SQL: one enforcement point for every read path. */
package org.nmis.governance;
