package org.nmis.reports;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reader of the PDF would see: text, the glyphs of a font, and QR codes as scanned. */
public final class PdfChecks {
  private PdfChecks() {}

  /**
   * The glyph codes drawn with fonts whose name contains {@code fontName}, page by page. With an
   * Identity-H font a code is the glyph ID, and 0 is .notdef: the empty box a missing glyph prints.
   */
  public static List<Integer> glyphsOf(PDDocument doc, String fontName) throws IOException {
    List<Integer> codes = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void processTextPosition(TextPosition text) {
            if (text.getFont().getName().contains(fontName)) {
              for (int code : text.getCharacterCodes()) {
                codes.add(code);
              }
            }
            super.processTextPosition(text);
          }
        };
    stripper.getText(doc);
    return codes;
  }

  /** Every QR code on a page rendered at 200 dpi, as a phone camera would read the printout. */
  public static List<String> qrCodesOn(PDDocument doc, int page) throws IOException {
    BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 200, ImageType.GRAY);
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      List<String> texts = new ArrayList<>();
      for (Result r :
          new QRCodeMultiReader()
              .decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
        texts.add(r.getText());
      }
      return texts;
    } catch (NotFoundException e) {
      return List.of();
    }
  }
}
