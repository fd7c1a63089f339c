package org.nmis.api.registrations;

import org.nmis.api.security.NmisUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/registrations}: a JSON array of registrations from a state system. */
@RestController
public class RegistrationController {
  private final RegistrationSubmissions submissions;

  public RegistrationController(RegistrationSubmissions submissions) {
    this.submissions = submissions;
  }

  @PostMapping(path = "/api/v1/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public SubmissionResult submit(@RequestBody byte[] body, @AuthenticationPrincipal NmisUser user) {
    return submissions.submit(user, body);
  }
}
