import { Field, InputType } from 'type-graphql';
import { IsSlug } from '../core/validation';
import { ModelKind } from './model.type';

@InputType({ description: 'Which models to list.' })
export class ModelFilter {
  @Field(() => ModelKind, { nullable: true, description: 'Only models of this kind.' })
  kind?: ModelKind | null;

  @IsSlug()
  @Field(() => String, {
    nullable: true,
    description: 'Only models built on this principle (slug).',
  })
  principle?: string | null;
}
