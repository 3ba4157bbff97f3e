import { AppError } from "@/lib/errors";
import type { GuardRefusal } from "./request-guard";

/** 421 wrong Host, 403 cross-site write, 415 a write that is not JSON: nothing was done. */
export class RequestRefusedError extends AppError {
  constructor(refusal: GuardRefusal) {
    super(refusal.code, refusal.message);
  }
}
