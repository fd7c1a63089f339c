package org.nmis.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills the NMIS report templates from plain records and exports them as PDF. Each template is
 * compiled once, on first use or by {@link #warmUp()}, never per request; filling is thread-safe.
 * Times are printed in India Standard Time.
 */
public final class Reports {
  /** Printed times are IST: the readers are Indian offices. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'IST'", Locale.ENGLISH).withZone(IST);

  /** The templates under {@code org/nmis/reports/templates}. */
  enum Template {
    SUMMARY("summary"),
    MANIFEST("manifest"),
    NOC("noc"),
    EPASS("epass");

    final String resource;

    Template(String name) {
      this.resource = "templates/" + name + ".jrxml";
    }
  }

  private final Map<Template, JasperReport> compiled = new ConcurrentHashMap<>();

  /**
   * Whether the bundled fonts draw every character of {@code text}: Latin and Devanagari (with the
   * punctuation and digits both use). Text in another script would print as empty boxes.
   */
  public static boolean printable(String text) {
    return text.codePoints()
        .mapToObj(Character.UnicodeScript::of)
        .allMatch(
            s ->
                s == Character.UnicodeScript.LATIN
                    || s == Character.UnicodeScript.DEVANAGARI
                    || s == Character.UnicodeScript.COMMON
                    || s == Character.UnicodeScript.INHERITED);
  }

  /** Compiles every template now, so the first request does not pay for it (~1-5 s each). */
  public void warmUp() {
    for (Template t : Template.values()) {
      compiled(t);
    }
  }

  /** A state or national summary. */
  public byte[] summary(SummaryReport r) {
    Map<String, Object> p = new HashMap<>();
    p.put("TITLE", r.title());
    p.put("HINDI_TITLE", r.hindiTitle());
    p.put(
        "PERIOD",
        "From " + DATE.format(r.from()) + " to " + DATE.format(r.to()) + " (travel dates)");
    p.put("GENERATED", footer(r.generatedAt(), r.generatedBy()));
    p.put("HEADLINE", RecordSource.counts(r.headline()));
    p.put("HAS_DAILY", !r.daily().isEmpty());
    p.put(
        "DAILY",
        new RecordSource<>(
            r.daily(),
            Map.of(
                "day", SummaryReport.Day::day,
                "departures", SummaryReport.Day::departures,
                "arrivals", SummaryReport.Day::arrivals)));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SummaryReport.Section s : r.sections()) {
      if (s.rows().isEmpty()) {
        rows.add(line(s, null, null));
      }
      for (Count c : s.rows()) {
        rows.add(line(s, c.label(), c.value()));
      }
    }
    Map<String, Function<Map<String, Object>, ?>> fields = new LinkedHashMap<>();
    for (String f : List.of("section", "heading", "label", "value", "empty")) {
      fields.put(f, m -> m.get(f));
    }
    return render(Template.SUMMARY, p, new RecordSource<>(rows, fields), r.title());
  }

  /** A coach-level manifest: cover page, then one section per coach. */
  public byte[] manifest(ManifestReport m) {
    Map<String, Object> p = new HashMap<>();
    p.put("TRAIN", m.trainNumber());
    p.put("DATE", DATE.format(m.date()));
    p.put("ROUTE", route(m));
    p.put("REQUEST", m.requestId());
    p.put("NOC", m.nocNumber());
    p.put("COACHES", m.coachCount());
    p.put("PASSENGERS", m.passengers());
    p.put("GENERATED", footer(m.generatedAt(), m.generatedBy()));
    p.put("DISTRICTS", RecordSource.counts(m.byDestinationDistrict()));
    Map<String, Function<ManifestReport.Berth, ?>> fields = new HashMap<>();
    fields.put("coach", ManifestReport.Berth::coach);
    fields.put("berth", ManifestReport.Berth::berth);
    fields.put("berthType", ManifestReport.Berth::berthType);
    fields.put("name", ManifestReport.Berth::name);
    fields.put("age", ManifestReport.Berth::age);
    fields.put("gender", ManifestReport.Berth::gender);
    fields.put("district", ManifestReport.Berth::destinationDistrict);
    fields.put("personId", ManifestReport.Berth::personId);
    fields.put("qr", b -> b.passCode() == null ? null : QrCodes.quick(b.passCode()));
    return render(
        Template.MANIFEST,
        p,
        new RecordSource<>(m.berths(), fields),
        "Manifest of train " + m.trainNumber() + ", " + DATE.format(m.date()));
  }

  /** The no-objection certificate of an accepted request. */
  public byte[] noc(NocLetter n) {
    Map<String, Object> p = new HashMap<>();
    p.put("ISSUER", n.issuingState());
    p.put("NOC", n.nocNumber());
    p.put("ISSUED_ON", DATE.format(n.issuedOn()));
    p.put(
        "BODY",
        "To the nodal officer for migrant movement, Government of "
            + n.requestingState()
            + ".\n\nThe Government of "
            + n.issuingState()
            + " has no objection to the movement of the "
            + String.format(Locale.ENGLISH, "%,d", n.acceptedPersons())
            + " persons ("
            + String.format(Locale.ENGLISH, "%,d", n.registrations())
            + (n.registrations() == 1 ? " registration" : " registrations")
            + " with the people travelling with them) listed in movement request "
            + n.requestId()
            + " from "
            + n.requestingState()
            + " to "
            + n.issuingState()
            + (n.proposedDate() == null ? "" : " on or after " + DATE.format(n.proposedDate()))
            + (n.travelMode().isEmpty() ? "" : " by " + n.travelMode().toLowerCase(Locale.ROOT))
            + ". They will be received, screened and, where the health protocol requires it,"
            + " quarantined in their destination districts as below.");
    p.put(
        "CAPACITY",
        n.quarantineCapacity() == null
            ? "not stated"
            : String.format(Locale.ENGLISH, "%,d beds", n.quarantineCapacity()));
    p.put("NOTES", n.facilityNotes().isEmpty() ? "-" : n.facilityNotes());
    p.put("ACCEPTED", n.acceptedPersons());
    p.put("GENERATED", footer(n.generatedAt(), n.generatedBy()));
    return render(
        Template.NOC, p, RecordSource.counts(n.acceptedByDistrict()), "NOC " + n.nocNumber());
  }

  /** E-pass cards, one A6 page each (a family's passes in one document). */
  public byte[] epasses(List<EPassCard> cards) {
    if (cards.isEmpty()) {
      throw new IllegalArgumentException("no e-pass to print");
    }
    Map<String, Function<EPassCard, ?>> fields = new HashMap<>();
    fields.put("passId", EPassCard::passId);
    fields.put("traveller", EPassCard::travellerId);
    fields.put("name", EPassCard::name);
    fields.put(
        "person",
        c ->
            "Traveller "
                + c.travellerId()
                + (c.age() == null ? "" : " · age " + c.age())
                + (c.gender() == null ? "" : " · " + c.gender()));
    fields.put("train", EPassCard::trainNumber);
    fields.put("date", c -> DATE.format(c.date()));
    fields.put(
        "route",
        c ->
            (c.originStation() == null ? "?" : c.originStation())
                + " to "
                + (c.destinationStation() == null ? "?" : c.destinationStation()));
    fields.put("district", EPassCard::destinationDistrict);
    fields.put("coach", EPassCard::coach);
    fields.put("berth", EPassCard::berth);
    fields.put(
        "validity",
        c -> "Valid " + TIME.format(c.validFrom()) + " to " + TIME.format(c.validUntil()));
    fields.put("revoked", EPassCard::revokedBecause);
    fields.put("qr", c -> QrCodes.image(c.token()));
    return render(
        Template.EPASS,
        Map.of(),
        new RecordSource<>(cards, fields),
        "E-pass " + cards.get(0).passId());
  }

  private static String route(ManifestReport m) {
    return m.originStation()
        + (m.originState() == null ? "" : " (" + m.originState() + ")")
        + " to "
        + m.destinationStation()
        + (m.destinationState() == null ? "" : " (" + m.destinationState() + ")");
  }

  private static Map<String, Object> line(SummaryReport.Section s, String label, Long value) {
    Map<String, Object> m = new HashMap<>();
    m.put("section", s.title());
    m.put("heading", s.labelHeading());
    m.put("label", label);
    m.put("value", value);
    m.put("empty", s.empty());
    return m;
  }

  static String footer(java.time.Instant at, String by) {
    return "NMIS Warehouse · generated " + TIME.format(at) + " for " + by;
  }

  byte[] render(Template t, Map<String, Object> parameters, JRDataSource source, String title) {
    Map<String, Object> p = new HashMap<>(parameters);
    p.put(JRParameter.REPORT_LOCALE, Locale.ENGLISH);
    p.put(JRParameter.REPORT_TIME_ZONE, java.util.TimeZone.getTimeZone(IST));
    try {
      JasperPrint print = JasperFillManager.fillReport(compiled(t), p, source);
      if (print.getPages().isEmpty()) {
        throw new ReportFailure(t.name() + " filled no page; its data was empty", null);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      JRPdfExporter exporter = new JRPdfExporter();
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
      SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
      config.setMetadataTitle(title);
      config.setMetadataAuthor("NMIS Warehouse");
      config.setMetadataCreator("NMIS Warehouse reports (JasperReports)");
      config.setCompressed(true);
      exporter.setConfiguration(config);
      exporter.exportReport();
      return out.toByteArray();
    } catch (JRException e) {
      throw new ReportFailure("could not fill or export the " + t.name() + " report", e);
    }
  }

  private JasperReport compiled(Template t) {
    return compiled.computeIfAbsent(t, Reports::compile);
  }

  private static JasperReport compile(Template t) {
    try (InputStream in = Reports.class.getResourceAsStream(t.resource)) {
      if (in == null) {
        throw new ReportFailure("template " + t.resource + " is missing from the jar", null);
      }
      return JasperCompileManager.compileReport(in);
    } catch (IOException | JRException e) {
      throw new ReportFailure("template " + t.resource + " does not compile", e);
    }
  }
}
