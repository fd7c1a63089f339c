package org.nmis.api.reports;

import java.time.Clock;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.sql.SqlQueries;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.serving.FlowIndex;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.service.MovementService;
import org.nmis.reports.Reports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the PDF reports: the templates, the threads that fill them, and what feeds them. */
@Configuration
public class ReportBeans {

  @Bean
  Reports reports() {
    return new Reports();
  }

  @Bean(destroyMethod = "close")
  ReportRunner reportRunner(NmisProperties p, Reports reports) {
    ReportRunner runner = new ReportRunner(p.reports());
    if (p.reports().warmUp()) {
      runner.warmUp(reports::warmUp);
    }
    return runner;
  }

  @Bean
  ReportDownloads reportDownloads(ReportRunner runner, AuditLog audit, NmisProperties p) {
    return new ReportDownloads(runner, audit, p.reports());
  }

  @Bean
  ReportDocuments reportDocuments(
      FlowIndex flows,
      AccessPolicy policy,
      PolicyProjection views,
      MovementService movement,
      RegistrationIndex registrations,
      SqlQueries sql,
      ReferenceData reference) {
    return new ReportDocuments(
        flows, policy, views, movement, registrations, sql, reference, Clock.systemUTC());
  }
}
