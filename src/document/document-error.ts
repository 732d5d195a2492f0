/**
 * Why a file could not be read as a report; the CLI and the API show the message with the reason.
 */
export type DocumentProblem =
  | 'UNSUPPORTED_TYPE'
  | 'TYPE_MISMATCH'
  | 'NOT_TEXT'
  | 'NO_TEXT_LAYER'
  | 'UNREADABLE'
  | 'EMPTY'
  | 'TOO_LARGE';

export class DocumentError extends Error {
  constructor(
    readonly problem: DocumentProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DocumentError';
  }
}
