import { SelectField, TextField } from "@/components/ui/fields";
import type { Translate } from "@/lib/i18n/catalog";
import { gradeLabel, GRADE_CODES } from "@/lib/org/grades";
import { formatNip } from "@/lib/org/nip";

export type EmployeeFieldValues = {
  nip: string;
  nik: string | null;
  name: string;
  titleFront: string;
  titleBack: string;
  grade: string;
  email: string | null;
  phone: string;
};

/** The fields of the employee form, shared by "add" and "edit". */
export function EmployeeFields({ t, values }: { t: Translate; values?: EmployeeFieldValues }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <TextField name="nip" label={t("employees.fields.nip")} hint={t("employees.fields.nipHint")} inputMode="numeric" maxLength={24} defaultValue={values ? formatNip(values.nip) : undefined} required />
      <TextField name="nik" label={t("employees.fields.nik")} hint={t("employees.fields.nikHint")} inputMode="numeric" maxLength={20} defaultValue={values?.nik ?? undefined} />
      <div className="sm:col-span-2">
        <TextField name="name" label={t("employees.fields.name")} autoComplete="off" maxLength={200} defaultValue={values?.name} required />
      </div>
      <TextField name="titleFront" label={t("employees.fields.titleFront")} hint={t("employees.fields.titleFrontHint")} maxLength={50} defaultValue={values?.titleFront} />
      <TextField name="titleBack" label={t("employees.fields.titleBack")} hint={t("employees.fields.titleBackHint")} maxLength={50} defaultValue={values?.titleBack} />
      <SelectField
        name="grade"
        label={t("employees.fields.grade")}
        emptyLabel={t("employees.fields.noGrade")}
        options={GRADE_CODES.map((code) => ({ value: code, label: gradeLabel(code) }))}
        defaultValue={values?.grade ?? ""}
      />
      <TextField name="email" type="email" label={t("employees.fields.email")} hint={t("employees.fields.emailHint")} inputMode="email" autoComplete="off" maxLength={200} defaultValue={values?.email ?? undefined} />
      <TextField name="phone" type="tel" label={t("employees.fields.phone")} hint={t("employees.fields.phoneHint")} inputMode="tel" maxLength={20} defaultValue={values?.phone} />
    </div>
  );
}
