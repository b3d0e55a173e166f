package io.caravan.generator.support;

import java.time.ZoneId;

/** IANA time zone names as Go's {@code time.LoadLocation} accepts them. */
public final class TimeZones {

  private TimeZones() {}

  /** True for an empty name (= UTC), {@code UTC}, {@code Local} or a tz database name. */
  public static boolean isValid(String zone) {
    return zone == null
        || zone.isEmpty()
        || zone.equals("UTC")
        || zone.equals("Local")
        || ZoneId.getAvailableZoneIds().contains(zone);
  }
}
