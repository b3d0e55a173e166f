package io.caravan.api.common;

import io.caravan.api.ArgoObject;

/**
 * Argo's {@code watchPathConfig} of the file, sftp and hdfs sources: an absolute {@code directory}
 * and one of a relative {@code path} or a {@code pathRegexp} matched against the event's path with
 * the directory string stripped.
 */
public class WatchPathConfig extends ArgoObject {

  private String directory;
  private String path;
  private String pathRegexp;

  public String getDirectory() {
    return directory;
  }

  public void setDirectory(String directory) {
    this.directory = directory;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getPathRegexp() {
    return pathRegexp;
  }

  public void setPathRegexp(String pathRegexp) {
    this.pathRegexp = pathRegexp;
  }
}
