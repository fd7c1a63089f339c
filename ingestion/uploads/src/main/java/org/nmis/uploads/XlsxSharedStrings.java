package org.nmis.uploads;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The workbook's shared strings, kept in temporary files rather than the heap. Excel stores every
 * text cell as an index into this table, so a sheet of a million registrations has millions of
 * distinct strings (record IDs, names): POI's ReadOnlySharedStringsTable would hold them all in
 * memory. Here they are written once, as UTF-8 with a table of offsets, and read back through
 * memory-mapped files that the operating system pages in and out.
 */
final class XlsxSharedStrings implements Closeable {
  private final Path data;
  private final Path offsets;
  private final ByteBuffer dataBuffer;
  private final ByteBuffer offsetBuffer;
  private final int count;

  private XlsxSharedStrings(Path data, Path offsets, int count) throws IOException {
    this.data = data;
    this.offsets = offsets;
    this.count = count;
    this.dataBuffer = map(data);
    this.offsetBuffer = map(offsets);
  }

  /** Reads the table from the shared strings part; xml null means the workbook has none. */
  static XlsxSharedStrings read(InputStream xml, XMLInputFactory factory, int maxCellChars)
      throws IOException, XMLStreamException {
    Path data = Files.createTempFile("nmis-upload-strings", ".bin");
    Path offsets = Files.createTempFile("nmis-upload-offsets", ".bin");
    try {
      int count = 0;
      try (DataOutputStream dataOut = output(data);
          DataOutputStream offsetOut = output(offsets)) {
        offsetOut.writeInt(0);
        if (xml != null) {
          XMLStreamReader reader = factory.createXMLStreamReader(xml);
          while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT
                && "si".equals(reader.getLocalName())) {
              byte[] bytes = XmlText.rich(reader, maxCellChars).getBytes(StandardCharsets.UTF_8);
              if ((long) dataOut.size() + bytes.length > Integer.MAX_VALUE) {
                throw new UploadRejectedException(
                    UploadProblem.TOO_BIG,
                    "the workbook's text cells hold more than 2 GiB of distinct text");
              }
              dataOut.write(bytes);
              offsetOut.writeInt(dataOut.size());
              count++;
            }
          }
          reader.close();
        }
      }
      return new XlsxSharedStrings(data, offsets, count);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      Files.deleteIfExists(data);
      Files.deleteIfExists(offsets);
      throw e;
    }
  }

  String get(int index) {
    if (index < 0 || index >= count) {
      throw new UploadRejectedException(
          UploadProblem.DAMAGED_WORKBOOK,
          "a cell refers to shared string " + index + " but the workbook has " + count);
    }
    int from = offsetBuffer.getInt(index * 4);
    byte[] bytes = new byte[offsetBuffer.getInt(index * 4 + 4) - from];
    dataBuffer.get(from, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Deletes the files. The mappings go with the garbage collector; Linux frees the space then. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(data);
    Files.deleteIfExists(offsets);
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  private static ByteBuffer map(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }
  }
}
