# Results, resume states and statements record the lesson where the activity was played
# (nullable here; 0004 fills it in, 0005 makes it required).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0004_lesson_h5p_block'),
        ('h5p', '0002_h5presult_h5puserstate_xapistatement'),
    ]

    operations = [
        migrations.RemoveConstraint(model_name='h5presult', name='one_h5p_result_per_learner'),
        migrations.RemoveConstraint(model_name='h5puserstate', name='one_h5p_state_per_learner'),
        migrations.AddField(
            model_name='h5presult',
            name='lesson',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+',
                                    to='courses.lessonpage', verbose_name='lección'),
        ),
        migrations.AddField(
            model_name='h5puserstate',
            name='lesson',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+',
                                    to='courses.lessonpage'),
        ),
        migrations.AddField(
            model_name='xapistatement',
            name='lesson',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+',
                                    to='courses.lessonpage'),
        ),
    ]
