/**
 * Requests by key, each made once and shared by whoever asks again; a request
 * that failed is forgotten, so the next ask makes it anew.
 */
export class RequestCache<T> {
  private readonly pending = new Map<string, Promise<T>>();

  get(key: string, request: () => Promise<T>): Promise<T> {
    let answer = this.pending.get(key);
    if (!answer) {
      answer = request();
      this.pending.set(key, answer);
      answer.catch(() => {
        if (this.pending.get(key) === answer) this.pending.delete(key);
      });
    }
    return answer;
  }

  clear(): void {
    this.pending.clear();
  }
}
