package org.nmis.api.registrations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nmis.model.ids.PersonId;

/**
 * Person IDs this instance handed out recently, by source key. It covers the seconds between
 * publishing a record and the record reaching the serving index: a re-send or correction in that
 * window must get the ID of the first version, which is the one the ingestion job will keep.
 */
final class RecentIds {
  private final Map<String, PersonId> ids;

  RecentIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PersonId> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<PersonId> get(String sourceKey) {
    return Optional.ofNullable(ids.get(sourceKey));
  }

  synchronized PersonId putIfAbsent(String sourceKey, PersonId id) {
    PersonId existing = ids.putIfAbsent(sourceKey, id);
    return existing == null ? id : existing;
  }
}
