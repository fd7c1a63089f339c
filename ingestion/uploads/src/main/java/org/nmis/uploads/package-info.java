/** Package root. */
package org.nmis.uploads;
