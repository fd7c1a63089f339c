package org.nmis.forecast;

/**
 * Where people travel: origin state to destination state, and for the busiest corridors one
 * destination district ({@code destinationDistrictCode} null: the whole corridor).
 */
public record Corridor(
    int originStateCode, int destinationStateCode, Integer destinationDistrictCode) {

  public Corridor withDistrict(int district) {
    return new Corridor(originStateCode, destinationStateCode, district);
  }

  public Corridor state() {
    return new Corridor(originStateCode, destinationStateCode, null);
  }
}
