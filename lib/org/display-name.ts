/** Full name with academic titles, e.g. "Dr. Ir. Budi Santoso, M.Si." */
export function displayName(e: { name: string; titleFront: string; titleBack: string }): string {
  const front = e.titleFront.trim();
  const back = e.titleBack.trim();
  return `${front ? front + " " : ""}${e.name.trim()}${back ? ", " + back : ""}`;
}
