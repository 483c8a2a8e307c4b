/** PNS rank and grade (pangkat/golongan ruang), from Juru Muda (I/a) to Pembina Utama (IV/e). */
export const PNS_GRADES = [
  ["I/a", "Juru Muda"],
  ["I/b", "Juru Muda Tingkat I"],
  ["I/c", "Juru"],
  ["I/d", "Juru Tingkat I"],
  ["II/a", "Pengatur Muda"],
  ["II/b", "Pengatur Muda Tingkat I"],
  ["II/c", "Pengatur"],
  ["II/d", "Pengatur Tingkat I"],
  ["III/a", "Penata Muda"],
  ["III/b", "Penata Muda Tingkat I"],
  ["III/c", "Penata"],
  ["III/d", "Penata Tingkat I"],
  ["IV/a", "Pembina"],
  ["IV/b", "Pembina Tingkat I"],
  ["IV/c", "Pembina Utama Muda"],
  ["IV/d", "Pembina Utama Madya"],
  ["IV/e", "Pembina Utama"],
] as const;

export type GradeCode = (typeof PNS_GRADES)[number][0];
export const GRADE_CODES = PNS_GRADES.map(([code]) => code) as [GradeCode, ...GradeCode[]];

/** "Pembina Tingkat I (IV/b)" */
export function gradeLabel(code: string): string {
  const found = PNS_GRADES.find(([c]) => c === code);
  return found ? `${found[1]} (${found[0]})` : code;
}
