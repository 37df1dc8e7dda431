import { HTTPException } from 'hono/http-exception';
import {
  BriefError,
  InternalError,
  MalformedRequestError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/brief-error.js';

/** Everything thrown while handling a request becomes a BriefError here, by class. */
export function toBriefError(error: unknown): BriefError {
  if (error instanceof BriefError) {
    return error;
  }
  if (error instanceof HTTPException) {
    switch (error.status) {
      case 400:
        return new MalformedRequestError('The request body is not valid JSON.', { cause: error });
      case 404:
        return new NotFoundError('No such resource.', { cause: error });
      case 405:
        return new MethodNotAllowedError('This method is not allowed on this resource.', { cause: error });
      case 413:
        return new PayloadTooLargeError('The request body is larger than this service accepts.', {
          cause: error,
        });
      case 415:
        return new UnsupportedMediaTypeError('Unsupported content type.', { cause: error });
    }
  }
  return new InternalError('An unexpected error occurred. It has been logged with this request id.', {
    cause: error,
  });
}
