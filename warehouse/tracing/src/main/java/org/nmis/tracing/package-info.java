/** Package root. */
package org.nmis.tracing;
