package io.caravan.controller.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the image a module's Jib configuration builds ({@code <to><image>…</image></to>}). */
final class JibImages {

  private static final Pattern TO_IMAGE =
      Pattern.compile("<to>\\s*<image>([^<]+)</image>", Pattern.DOTALL);

  private JibImages() {}

  static String imageOf(String module) {
    Path pom =
        Path.of(System.getProperty("caravan.repo.dir", "..")).resolve(module).resolve("pom.xml");
    try {
      Matcher m = TO_IMAGE.matcher(Files.readString(pom));
      if (!m.find()) {
        throw new AssertionError("no Jib <to><image> in " + pom);
      }
      return m.group(1).trim().replace("${project.version}", System.getProperty("caravan.version"));
    } catch (IOException e) {
      throw new AssertionError("cannot read " + pom, e);
    }
  }
}
