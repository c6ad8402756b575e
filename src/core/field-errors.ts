import { AppError, type FieldProblem } from './errors.ts';

// Collects every problem of one input so the caller learns all of them in one answer.
export class FieldErrors {
  private readonly problems: FieldProblem[] = [];

  add(field: string, rule: string, message: string): void {
    this.problems.push({ field, rule, message });
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    throw new AppError('invalid_input', first ? `${first.field}: ${first.message}` : 'Invalid input', { errors: this.problems });
  }
}
