package org.nmis.reports;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * QR codes as images for the templates, drawn with ZXing (the barcode4j extension stops at 7.0.3).
 */
public final class QrCodes {
  /**
   * Pixels per module. The PDF keeps the image uninterpolated, so printers draw sharp modules at
   * any size; more pixels would only make a 1,700-row manifest heavier.
   */
  private static final int SCALE = 1;

  private QrCodes() {}

  /**
   * {@code text} as a black-on-white QR code with the standard 4-module quiet zone; error
   * correction M (15%) survives a crease or a smudge on a printed pass. ZXing tries the eight mask
   * patterns and keeps the easiest to scan.
   */
  public static BufferedImage image(String text) {
    return draw(text, Map.of());
  }

  /**
   * The same with mask pattern 0 fixed: eight times less work for ZXing, for the short codes of a
   * manifest (1,700 on one document), which scan well with any mask.
   */
  public static BufferedImage quick(String text) {
    return draw(text, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
  }

  private static BufferedImage draw(String text, Map<EncodeHintType, Object> extra) {
    Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, 4);
    hints.putAll(extra);
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "cannot draw a QR code of " + text.length() + " characters: " + e.getMessage(), e);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    BufferedImage image = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_BYTE_BINARY);
    java.awt.image.WritableRaster raster = image.getRaster();
    for (int y = 0; y < h * SCALE; y++) {
      for (int x = 0; x < w * SCALE; x++) {
        raster.setSample(x, y, 0, matrix.get(x / SCALE, y / SCALE) ? 0 : 1);
      }
    }
    return image;
  }
}
