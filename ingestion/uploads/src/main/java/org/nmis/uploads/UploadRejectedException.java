package org.nmis.uploads;

/**
 * A file the readers refuse as a whole. The message reads {@code NMIS-UPL-nnn: <what is wrong and
 * why>. <fix>} and is written for the uploader. Thrown by {@link UploadFile#open} (answer 400), and
 * by the stream of rows only for problems found part way through a file (see {@link
 * UploadFile#rows()}).
 */
public final class UploadRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UploadProblem problem;

  UploadRejectedException(UploadProblem problem, String cause) {
    super(problem.code() + ": " + cause + ". " + problem.fix());
    this.problem = problem;
  }

  public UploadProblem problem() {
    return problem;
  }

  public String code() {
    return problem.code();
  }
}
