package org.nmis.forecast;

/**
 * One row of {@code return_forecast}: a corridor's day with its expected travellers and intervals,
 * those already registered and already booked on trains for it, and the trains still needed.
 */
public record ForecastRow(Corridor corridor, DayForecast day, double booked, int trainsNeeded) {}
