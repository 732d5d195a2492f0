import 'reflect-metadata';
import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { getSchema } from './schema';

/** Every type and field of the API says what it is: the schema is the reference documentation. */
describe('schema descriptions', () => {
  it('describe every type and field of the API', async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type)))
        continue;
      // type-graphql cannot describe the root Query and Mutation types themselves; their fields are
      // described below.
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType())
        missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const isRoot = type === schema.getQueryType();
        for (const field of Object.values(type.getFields())) {
          if (!field.description)
            missing.push(`${type.name}.${field.name}${isRoot ? ' (query)' : ''}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
