import { NumberInput, Radio, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import Form from '@rjsf/core';
import type {
  FieldTemplateProps,
  ObjectFieldTemplateProps,
  RegistryWidgetsType,
  TemplatesType,
  WidgetProps,
} from '@rjsf/utils';
import { useMemo } from 'react';
import { formValidator } from './form-validator.js';
import { pageProblems } from './page-problems.js';
import { splitPage } from './schema-ui.js';
import type { ParameterPage } from './template-types.js';

/** What widgets need besides their own props: which fields to show errors for. */
interface FormContext {
  /** Each field's problem, from the same validator as the server (and the server's own). */
  problems: Readonly<Record<string, string>>;
  touched: ReadonlySet<string>;
  showAll: boolean;
  touch: (name: string) => void;
}

function common(props: WidgetProps) {
  const context = props.registry.formContext as FormContext;
  const shown = context.showAll || context.touched.has(props.name);
  const help = props.uiSchema?.['ui:help'] as string | undefined;
  return {
    id: props.id,
    label: props.schema.title ?? props.label,
    description: props.schema.description,
    required: props.required,
    disabled: props.disabled || props.readonly,
    error: shown ? context.problems[props.name] : undefined,
    placeholder: (props.uiSchema?.['ui:placeholder'] as string | undefined) ?? help,
    autoFocus: props.autofocus,
    onBlur: () => {
      context.touch(props.name);
      props.onBlur(props.id, props.value);
    },
    'data-field': props.name,
  };
}

function TextWidget(props: WidgetProps) {
  const touch = (props.registry.formContext as FormContext).touch;
  if (props.schema.type === 'integer' || props.schema.type === 'number') {
    return (
      <NumberInput
        {...common(props)}
        value={props.value ?? ''}
        min={props.schema.minimum}
        max={props.schema.maximum}
        allowDecimal={props.schema.type === 'number'}
        onChange={(value) => {
          touch(props.name);
          props.onChange(value === '' ? undefined : Number(value));
        }}
      />
    );
  }
  return (
    <TextInput
      {...common(props)}
      value={props.value ?? ''}
      onChange={(event) => {
        touch(props.name);
        props.onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value);
      }}
    />
  );
}

function TextareaWidget(props: WidgetProps) {
  const touch = (props.registry.formContext as FormContext).touch;
  return (
    <Textarea
      {...common(props)}
      autosize
      minRows={2}
      maxRows={8}
      value={props.value ?? ''}
      onChange={(event) => {
        touch(props.name);
        props.onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value);
      }}
    />
  );
}

function SelectWidget(props: WidgetProps) {
  const options = props.options.enumOptions ?? [];
  return (
    <Select
      {...common(props)}
      data={options.map((o) => ({ value: String(o.value), label: o.label }))}
      value={props.value === undefined ? null : String(props.value)}
      allowDeselect={false}
      onChange={(value) => {
        const chosen = options.find((o) => String(o.value) === value);
        props.onChange(chosen?.value);
      }}
    />
  );
}

function RadioWidget(props: WidgetProps) {
  const options = props.options.enumOptions ?? [];
  const { onBlur: _b, placeholder: _p, autoFocus: _a, 'data-field': field, ...rest } = common(props);
  return (
    <Radio.Group
      {...rest}
      data-field={field}
      value={props.value === undefined ? '' : String(props.value)}
      onChange={(value) => props.onChange(options.find((o) => String(o.value) === value)?.value)}
    >
      <Stack gap={6} mt={6}>
        {options.map((o) => (
          <Radio key={String(o.value)} value={String(o.value)} label={o.label} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function CheckboxWidget(props: WidgetProps) {
  const { label, description, disabled, id } = common(props);
  return (
    <Switch
      id={id}
      label={label}
      description={description}
      disabled={disabled}
      checked={props.value === true}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
    />
  );
}

const widgets: RegistryWidgetsType = {
  TextWidget,
  TextareaWidget,
  SelectWidget,
  RadioWidget,
  CheckboxWidget,
  // Fields with `format: email` or `uri` render through these names.
  EmailWidget: TextWidget,
  URLWidget: TextWidget,
  UpDownWidget: TextWidget,
  PasswordWidget: TextWidget,
};

function FieldTemplate({ children, hidden }: FieldTemplateProps) {
  return hidden ? null : children;
}

function ObjectFieldTemplate({ properties }: ObjectFieldTemplateProps) {
  return <Stack gap="md">{properties.filter((p) => !p.hidden).map((p) => p.content)}</Stack>;
}

const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate: () => null,
  ButtonTemplates: {
    SubmitButton: () => null,
  } as unknown as TemplatesType['ButtonTemplates'],
};

/** Props of {@link SchemaForm}. */
export interface SchemaFormProps {
  page: ParameterPage;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  touched: ReadonlySet<string>;
  onTouch: (name: string) => void;
  /** After a "Next" with problems: show every field's problem, touched or not. */
  showAll: boolean;
  /** Problems the server found, by field, shown as the form's own. */
  serverErrors?: Record<string, string>;
}

/**
 * One page of a template's form, generated from its JSON Schema by @rjsf with Mantine inputs:
 * labels and help from the schema, each field checked as it is typed (shown once it was touched).
 */
export function SchemaForm({
  page,
  values,
  onChange,
  touched,
  onTouch,
  showAll,
  serverErrors,
}: SchemaFormProps) {
  const { schema, uiSchema } = useMemo(() => splitPage(page), [page]);
  const problems = useMemo(
    () => ({ ...pageProblems(page, values), ...serverErrors }),
    [page, values, serverErrors],
  );
  const formContext: FormContext = { problems, touched, showAll, touch: onTouch };
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      formData={values}
      validator={formValidator}
      widgets={widgets}
      templates={templates}
      formContext={formContext}
      showErrorList={false}
      noHtml5Validate
      onChange={(event) => onChange((event.formData ?? {}) as Record<string, unknown>)}
    />
  );
}
