package org.nmis.movement.request;

import java.util.List;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.PersonId;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.booking.TrainBooking;

/**
 * A change a user asks for on an existing request. Every command names the user, may give a reason
 * (required to reject and to cancel) and may carry the version the user last saw: when it is not
 * null and the request has moved on, the command is refused (409) instead of overwriting a decision
 * the user never saw.
 */
public sealed interface RequestCommand {
  AccessScope actor();

  String reason();

  Long expectedVersion();

  RequestAction action();

  /** Replace the proposal of a draft. */
  record Edit(AccessScope actor, Proposal proposal, String reason, Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.EDIT;
    }
  }

  record Submit(AccessScope actor, String reason, Long expectedVersion) implements RequestCommand {
    public RequestAction action() {
      return RequestAction.SUBMIT;
    }
  }

  /** Accept every passenger. The NOC number is required. */
  record Accept(
      AccessScope actor,
      int quarantineCapacity,
      String facilityNotes,
      String nocNumber,
      String reason,
      Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.ACCEPT;
    }
  }

  /** Accept {@code acceptedCount} of the passengers, naming them. The NOC number is required. */
  record PartiallyAccept(
      AccessScope actor,
      int acceptedCount,
      List<PersonId> acceptedPersons,
      int quarantineCapacity,
      String facilityNotes,
      String nocNumber,
      String reason,
      Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.PARTIALLY_ACCEPT;
    }
  }

  /** Refuse the request; the reason is required, capacity and notes are optional context. */
  record Reject(
      AccessScope actor,
      Integer quarantineCapacity,
      String facilityNotes,
      String reason,
      Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.REJECT;
    }
  }

  /**
   * Book a train. {@code travelling} are the registrations of exactly the accepted persons, which
   * give the berths needed (each registrant plus their persons accompanying).
   */
  record BookTrain(
      AccessScope actor,
      TrainBooking booking,
      List<Passenger> travelling,
      String reason,
      Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.BOOK_TRAIN;
    }
  }

  /**
   * Record that a manifest (from {@link org.nmis.movement.allocation.ManifestAllocator}) was
   * generated.
   */
  record RecordManifest(AccessScope actor, Manifest manifest, String reason, Long expectedVersion)
      implements RequestCommand {
    public RequestAction action() {
      return RequestAction.MANIFEST;
    }
  }

  record Depart(AccessScope actor, String reason, Long expectedVersion) implements RequestCommand {
    public RequestAction action() {
      return RequestAction.DEPART;
    }
  }

  record Arrive(AccessScope actor, String reason, Long expectedVersion) implements RequestCommand {
    public RequestAction action() {
      return RequestAction.ARRIVE;
    }
  }

  /** Withdraw the request, at any time before departure. The reason is required. */
  record Cancel(AccessScope actor, String reason, Long expectedVersion) implements RequestCommand {
    public RequestAction action() {
      return RequestAction.CANCEL;
    }
  }
}
