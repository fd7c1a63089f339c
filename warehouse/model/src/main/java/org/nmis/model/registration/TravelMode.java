package org.nmis.model.registration;

public enum TravelMode {
  TRAIN,
  BUS,
  OTHER
}
