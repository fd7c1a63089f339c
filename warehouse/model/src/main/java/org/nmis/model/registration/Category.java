package org.nmis.model.registration;

public enum Category {
  LABOUR,
  STUDENT,
  TOURIST,
  PILGRIM,
  OTHER
}
