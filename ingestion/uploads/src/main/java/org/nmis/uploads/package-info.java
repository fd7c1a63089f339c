/**
 * Reads the CSV and XLSX files states upload as a stream of rows, each a {@link
 * org.nmis.model.registration.RegistrationInput} with the line number it came from. Start at {@link
 * org.nmis.uploads.UploadFile#open}. File-level problems (not a spreadsheet, wrong header, empty,
 * too big) are {@link org.nmis.uploads.UploadRejectedException}s with a stable code; checking the
 * rows is left to the validator, so a file row is judged like every other registration.
 *
 * <p>Pure Java plus Apache POI: no Spark, Spring or Kafka (see {@code UploadsArePureTest}).
 */
package org.nmis.uploads;
