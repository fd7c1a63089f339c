package org.nmis.uploads;

import org.nmis.model.registration.RegistrationInput;

/**
 * One registration read from a file: the cells under the named columns as the state typed them, not
 * yet validated, and without {@code source_state_code}, which the caller sets from the uploader's
 * identity.
 *
 * @param lineNumber where the row is in the file, counted from 1 with the header: the physical line
 *     a CSV record starts on (a quoted cell may span lines), or the row number Excel shows
 */
public record UploadRow(long lineNumber, RegistrationInput input) {}
