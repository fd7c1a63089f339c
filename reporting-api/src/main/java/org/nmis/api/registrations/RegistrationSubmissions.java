package org.nmis.api.registrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.serving.RegistrationIndex;
import org.springframework.stereotype.Service;

/**
 * Takes a state system's batch: validates every record with the same validator as the ingestion
 * job, publishes the valid ones (Aadhaar already tokenised) and answers each with its person ID. A
 * person's ID follows the one rule ({@link PersonIdScheme#resolve}) that the ingestion job applies
 * too.
 */
@Service
public class RegistrationSubmissions {
  private static final long PUBLISH_TIMEOUT_SECONDS = 30;

  private final RegistrationValidator validator;
  private final RegistrationPublisher publisher;
  private final RegistrationIndex index;
  private final PersonIdScheme ids;
  private final int maxBatchSize;
  private final RecentIds recent = new RecentIds(200_000);

  public RegistrationSubmissions(
      RegistrationValidator validator,
      RegistrationPublisher publisher,
      RegistrationIndex index,
      PersonIdScheme ids,
      NmisProperties properties) {
    this.validator = validator;
    this.publisher = publisher;
    this.index = index;
    this.ids = ids;
    this.maxBatchSize = properties.api().maxBatchSize();
  }

  public SubmissionResult submit(NmisUser user, byte[] body) {
    List<Optional<RegistrationInput>> inputs;
    try {
      inputs = RegistrationJson.readArray(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ApiError.INVALID_BODY,
          e.getMessage() + "; send a JSON array of registration objects (docs/DATA_MODEL.md)");
    }
    if (inputs.isEmpty()) {
      throw new ApiException(ApiError.EMPTY_BATCH, "the array holds no registrations");
    }
    if (inputs.size() > maxBatchSize) {
      throw new ApiException(
          ApiError.BATCH_TOO_LARGE,
          "the array holds "
              + inputs.size()
              + " registrations; send at most "
              + maxBatchSize
              + " per request (nmis.api.max-batch-size), or upload a"
              + " file");
    }

    List<SubmissionResult.Item> items = new ArrayList<>(inputs.size());
    List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>();
    List<Registration> sent = new ArrayList<>();
    List<Integer> sentAt = new ArrayList<>();
    String submittedBy = "api:" + user.principalLabel();
    for (int i = 0; i < inputs.size(); i++) {
      Optional<RegistrationInput> input = inputs.get(i);
      if (input.isEmpty()) {
        items.add(
            rejected(
                i,
                null,
                List.of(
                    new FieldError(
                        ErrorCode.MALFORMED_MESSAGE,
                        "[" + i + "]",
                        null,
                        "element " + i + " is not a JSON object of registration fields"))));
        continue;
      }
      Checked checked = check(user, input.get());
      if (checked.registration() != null) {
        sends.add(publisher.publish(checked.registration(), submittedBy));
        sent.add(checked.registration());
        sentAt.add(items.size());
        items.add(null); // filled in once the broker has acknowledged it
      } else {
        items.add(rejected(i, checked.sourceRecordId(), checked.errors()));
      }
    }

    for (int k = 0; k < sends.size(); k++) {
      Registration r = sent.get(k);
      RecordMetadata position = await(sends.get(k));
      PersonId id =
          recent.putIfAbsent(
              r.sourceKey(),
              ids.resolve(
                  index.bySourceKey(r.sourceKey()).or(() -> recent.get(r.sourceKey())),
                  position.partition(),
                  position.offset()));
      int at = sentAt.get(k);
      items.set(
          at,
          new SubmissionResult.Item(
              at, r.sourceRecordId(), SubmissionResult.Status.ACCEPTED, id.value(), List.of()));
    }
    int accepted = sends.size();
    return new SubmissionResult(inputs.size(), accepted, inputs.size() - accepted, items);
  }

  /** One record as the caller sent it: the registration to publish, or every error it has. */
  public record Checked(
      Registration registration, String sourceRecordId, List<FieldError> errors) {}

  /**
   * Validates one record as the caller's (API batches and uploaded files alike): the caller's state
   * is the uploading state, and a DISTRICT user may register only people leaving or reaching their
   * district.
   */
  public Checked check(NmisUser user, RegistrationInput input) {
    List<FieldError> callerErrors = new ArrayList<>();
    RegistrationInput in = withSourceState(input, user, callerErrors);
    ValidationResult result = validator.validate(in);
    if (result instanceof ValidationResult.Valid v
        && callerErrors.isEmpty()
        && outsideDistrict(user, v.registration()).isEmpty()) {
      return new Checked(v.registration(), v.registration().sourceRecordId(), List.of());
    }
    List<FieldError> errors = new ArrayList<>(callerErrors);
    if (result instanceof ValidationResult.Invalid invalid) {
      errors.addAll(invalid.errors());
    } else {
      outsideDistrict(user, ((ValidationResult.Valid) result).registration())
          .ifPresent(errors::add);
    }
    return new Checked(null, in.get(Field.SOURCE_RECORD_ID), errors);
  }

  /** The publisher the batches use, for uploads that publish row by row. */
  public RegistrationPublisher publisher() {
    return publisher;
  }

  /**
   * The uploading state is the caller's; a record that names another one is refused rather than
   * re-labelled.
   */
  private static RegistrationInput withSourceState(
      RegistrationInput in, NmisUser user, List<FieldError> errors) {
    String given = in.get(Field.SOURCE_STATE_CODE);
    if (given != null
        && !given.isBlank()
        && !given.strip().equals(String.valueOf(user.stateCode()))) {
      errors.add(
          new FieldError(
              ErrorCode.OUTSIDE_JURISDICTION,
              Field.SOURCE_STATE_CODE.key(),
              given,
              "source_state_code comes from your identity (state "
                  + user.stateCode()
                  + "); leave it out (got '"
                  + given
                  + "')"));
    }
    return in.toBuilder().set(Field.SOURCE_STATE_CODE, user.stateCode()).build();
  }

  private static Optional<FieldError> outsideDistrict(NmisUser user, Registration r) {
    if (user.role() != Role.DISTRICT
        || r.originDistrictCode() == user.districtCode()
        || r.destinationDistrictCode() == user.districtCode()) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldError(
            ErrorCode.OUTSIDE_JURISDICTION,
            Field.ORIGIN_DISTRICT_CODE.key(),
            String.valueOf(r.originDistrictCode()),
            "a DISTRICT user registers people leaving or arriving in district "
                + user.districtCode()
                + "; neither origin_district_code nor destination_district_code is it"));
  }

  private static SubmissionResult.Item rejected(
      int index, String sourceRecordId, List<FieldError> errors) {
    return new SubmissionResult.Item(
        index,
        sourceRecordId,
        SubmissionResult.Status.REJECTED,
        null,
        errors.stream().map(SubmissionResult.Error::of).toList());
  }

  private static RecordMetadata await(CompletableFuture<RecordMetadata> send) {
    try {
      return send.get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(Exception cause) {
    return new ApiException(
        ApiError.BROKER_UNAVAILABLE,
        "the registrations topic did"
            + " not acknowledge the batch ("
            + cause.getClass().getSimpleName()
            + "); nothing is lost by sending the"
            + " same batch again: re-sends keep their person IDs");
  }
}
